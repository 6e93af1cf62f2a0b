// socklab's own note, raised while running a statement (importing an unsupported module, input()):
// shown as socklab's message, not as a Python exception.
export class SocklabNote extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SocklabNote';
  }
}
