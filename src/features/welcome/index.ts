/** What other features may call of welcome/: nothing yet (channel statistics are sending's). */
export {};
