// Nothing in other features calls demo today: what they may call goes here, re-exported by name.
export {};
