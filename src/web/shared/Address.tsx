import { Fragment } from 'react';

interface PostalAddress {
  line?: string | null;
  postcode?: string | null;
  place?: string | null;
}

/** An address as it is written on an envelope: each street line on its own, then "1384 Asker". */
export function addressLines(address: PostalAddress): string[] {
  const street = (address.line ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const town = [address.postcode, address.place].filter(Boolean).join(' ');
  return town ? [...street, town] : street;
}

/** The address on as many lines as it has (a c/o or a flat number keeps its own line); `empty` when there is none. */
export function Address({ address, empty }: { address: PostalAddress; empty: string }) {
  const lines = addressLines(address);
  if (lines.length === 0) return <>{empty}</>;
  return (
    <>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one address, in order
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  );
}
