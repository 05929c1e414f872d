/** What other features may call of my/: nothing yet (My page answers through answers/index.ts). */
export {};
