// The sound a due inject makes, when the facilitator turns it on: two short notes synthesised
// with the Web Audio API. No audio file, nothing fetched; a page without audio stays silent.

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  try {
    context ??= new AudioContext();
    // A page may start audio only after a gesture: turning the sound on is one.
    if (context.state === 'suspended') void context.resume();
    return context;
  } catch {
    return null;
  }
}

/** Readies the audio from the gesture that turns the sound on, and lets the facilitator hear it once. */
export function prepareTone(): void {
  playTone();
}

/** A short, soft two-note chime (E6 then B5), under half a second. */
export function playTone(): void {
  const ctx = audio();
  if (!ctx) return;
  const start = ctx.currentTime + 0.02;
  for (const [frequency, offset] of [
    [1318.5, 0],
    [987.8, 0.16],
  ] as const) {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    const at = start + offset;
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(frequency, at);
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.32);
  }
}
