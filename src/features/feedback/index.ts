// Nothing in other features calls feedback today: what they may call goes here, re-exported by name.
export {};
