/** A refusal the operator can act on: the message says what is wrong, and nothing is written. */
export class OnboardingError extends Error {
  override name = 'OnboardingError';
}
