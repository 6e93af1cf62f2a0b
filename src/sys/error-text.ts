// How an error reads in a message: its own message when it is an Error, else its text. (No system
// calls here: every layer may import it without loading the C library.)

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
