import { Field, Label, Textarea, ValidationMessage } from '@digdir/designsystemet-react';

/**
 * The reason a caseworker must give (for rejecting a claim, for letting a sixth household in):
 * `missing` marks it invalid and says so until the next keystroke.
 */
export function ReasonField({
  id,
  label,
  missingText,
  rows,
  value,
  missing,
  onChange,
}: {
  id: string;
  label: string;
  missingText: string;
  rows: number;
  value: string;
  missing: boolean;
  onChange: (reason: string) => void;
}) {
  return (
    <Field>
      <Label>{label}</Label>
      <Textarea
        id={id}
        rows={rows}
        maxLength={500}
        value={value}
        aria-invalid={missing || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {missing ? <ValidationMessage>{missingText}</ValidationMessage> : null}
    </Field>
  );
}
