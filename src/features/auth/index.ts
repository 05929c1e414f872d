// What other features may call: an account's set-password link and a password's hash.

export { hashPassword } from './service/hash-password.js';
export { createAccountLink } from './service.js';
