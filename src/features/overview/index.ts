/** What other features may call of overview/: nothing yet (the team's read model of one event's answers). */
export {};
