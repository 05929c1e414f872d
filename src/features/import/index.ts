// Nothing in other features calls import today: what they may call goes here, re-exported by name.
export {};
