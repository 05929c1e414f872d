/** What other features may call of feedback/: the café's feedback link (for the thank-you after it). */
export { feedbackLinkOf } from './service.js';
