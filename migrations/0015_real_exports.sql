-- Real case-system exports (issue 16): a child may be known by its birth date alone, since many
-- exports hold no child names. The registry shows it as "Barn, født 03.04.2012" until a name is added.
ALTER TABLE child ALTER COLUMN first_name DROP NOT NULL;
