// Nothing in other features calls users today: what they may call goes here, re-exported by name.
export {};
