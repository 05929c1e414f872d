// What other features may call of season/: nothing yet. The plan is the team's, through its routes.
export {};
