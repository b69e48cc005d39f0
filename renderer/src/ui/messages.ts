/** The main process's message, one problem per line (file, field and problem), blank lines dropped. */
export const messageLines = (message: string): readonly string[] =>
  message.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
