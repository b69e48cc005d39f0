// Loaded with `node --import` before Electronegativity's CLI, so that the test suite never
// touches the network. At start-up the CLI fetches translations from S3 (falling back to
// its bundled English ones), and one global check fetches Electron's release list; both go
// through `got`, which is replaced here by a function that fails at once (before any DNS
// lookup). Anything else that tries to open a socket fails the run loudly.
import Module from 'node:module';
import net from 'node:net';

const load = Module._load;
Module._load = function loadWithoutGot(request, parent, isMain) {
  if (request === 'got') return () => Promise.reject(new Error('The network is not used in the tests.'));
  return load.call(this, request, parent, isMain);
};

net.Socket.prototype.connect = function refuseConnect() {
  throw new Error('Electronegativity tried to open a network connection; the tests never use the network.');
};
