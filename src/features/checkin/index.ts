// Nothing in other features calls checkin today: what they may call goes here, re-exported by name.
export {};
