// Nothing in other features calls health today: what they may call goes here, re-exported by name.
export {};
