// Nothing in other features calls insight today: what they may call goes here, re-exported by name.
export {};
