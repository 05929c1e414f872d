// What other features may call: the guessing limits of public links and of logins.

export { limitGuessing } from './routes.js';
export { countGuess, GUESS_LIMITS, GUESS_WINDOW_MINUTES, guessesUsedUp, networkHash } from './service.js';
