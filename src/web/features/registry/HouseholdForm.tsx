import { Alert, Button, ErrorSummary, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, type MouseEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { HOUSEHOLD_KINDS, RELATIONS } from '../../../domain/household.js';
import type { HouseholdView } from '../../../features/registry/contract.js';
import { ForbiddenPage } from '../../app/MessagePage.js';
import { useUser } from '../../app/session.js';
import { ApiError, api } from '../../shared/api.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useFocusLater } from '../../shared/use-focus-later.js';
import {
  type AdultForm,
  type ChildForm,
  emptyAdult,
  emptyChild,
  emptyPlacement,
  type FieldPlace,
  fieldId,
  type HouseholdForm,
  type PlacementForm,
  placeOf,
  problemsFrom,
  toInput,
  validate,
} from './form-state.js';
import { AdultFields, ChildFields, PlacementFields, PostcodeFields, RadioGroup } from './HouseholdFields.js';
import { MAX_ADULTS } from './options.js';
import type { FieldProblem } from './types.js';

interface HouseholdFormViewProps {
  title: string;
  id: string;
  /** Set when editing: the version the form started from, for PUT. */
  version?: number;
  initial: HouseholdForm;
  initialPlace: string;
  /** The travel time the municipality's table gives now, when the form leaves it to the table. */
  tableMinutes?: number | null;
  onReload?: () => void;
}

interface FieldError extends FieldPlace {
  rule: string;
}

export function HouseholdFormView({
  title,
  id,
  version,
  initial,
  initialPlace,
  tableMinutes,
  onReload,
}: HouseholdFormViewProps) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const editing = version !== undefined;
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  /** Refusals the form cannot point at (a field it does not have). */
  const [otherProblems, setOtherProblems] = useState<FieldProblem[]>([]);
  const [submits, setSubmits] = useState(0);
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const saving = useRef(false);
  const focusLater = useFocusLater();
  const [dirty, setDirty] = useState(false);

  // Moves focus to a row just added (or to the add button after a removal), once it is on the page.
  // Closing the tab with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (!user.permissions.includes('registry:write')) return <ForbiddenPage />;

  const message = (problem: { name: string; rule: string }) => {
    const specific = `registry.errors.${problem.name}.${problem.rule}`;
    if (i18n.exists(specific)) return t(specific);
    if (i18n.exists(`registry.errors.rules.${problem.rule}`))
      return t(`registry.errors.rules.${problem.rule}`);
    return t('registry.errors.rules.invalid');
  };
  const errorFor = (fieldElementId: string) => {
    const found = errors.find((candidate) => candidate.id === fieldElementId);
    return found ? message(found) : undefined;
  };
  const rowLabel = (row: FieldPlace['row']) => {
    if (!row) return '';
    const key = { adults: 'adultLegend', children: 'childLegend', placements: 'placementLegend' }[
      row.section
    ];
    return `${t(`registry.form.${key}`, { number: row.index + 1 })}: `;
  };

  /** Any change: keeps the form, and clears the errors of the fields that changed. */
  const update = (next: HouseholdForm, clearIds: string[] = []) => {
    setForm(next);
    setDirty(true);
    if (clearIds.length) setErrors((list) => list.filter((candidate) => !clearIds.includes(candidate.id)));
  };
  const changeTop = (change: Partial<HouseholdForm>, name: string) =>
    update({ ...form, ...change }, [fieldId(name)]);

  const changedIds = <T extends { key: string }>(before: T | undefined, after: T, section: string) =>
    Object.keys(after)
      .filter((key) => before && before[key as keyof T] !== after[key as keyof T])
      .map((key) => fieldId(`${section}.${key}`, after.key));

  const setRow = <K extends 'adults' | 'children' | 'placements'>(
    section: K,
    index: number,
    row: HouseholdForm[K][number],
  ) => {
    const list = [...form[section]] as HouseholdForm[K][number][];
    const before = list[index];
    list[index] = row;
    const name = { adults: 'adult', children: 'child', placements: 'placement' }[section];
    update({ ...form, [section]: list }, changedIds(before, row, name));
  };

  const addRow = (section: 'adults' | 'children' | 'placements') => {
    const row =
      section === 'adults'
        ? emptyAdult()
        : section === 'children'
          ? emptyChild()
          : emptyPlacement(form.children.length === 1 ? form.children[0]?.key : '');
    update({ ...form, [section]: [...form[section], row] });
    const first = { adults: 'adult.firstName', children: 'child.firstName', placements: 'placement.child' }[
      section
    ];
    focusLater(fieldId(first, row.key));
  };

  const removeRow = (section: 'adults' | 'children' | 'placements', key: string) => {
    update({ ...form, [section]: (form[section] as { key: string }[]).filter((row) => row.key !== key) });
    setErrors((list) => list.filter((candidate) => !candidate.id.includes(`-${key}-`)));
    focusLater(`household-add-${section}`);
  };

  const showProblems = (problems: FieldProblem[], current: HouseholdForm) => {
    const placed: FieldError[] = [];
    const other: FieldProblem[] = [];
    for (const problem of problems) {
      const place = placeOf(current, problem.field);
      if (place && !placed.some((candidate) => candidate.id === place.id))
        placed.push({ ...place, rule: problem.rule });
      else if (!place) other.push(problem);
    }
    setErrors(placed);
    setOtherProblems(other);
    setSubmits((count) => count + 1);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving.current) return;
    setError(undefined);
    setConflict(false);
    const problems = validate(form);
    if (problems.length) return showProblems(problems, form);
    setErrors([]);
    setOtherProblems([]);
    saving.current = true;
    setBusy(true);
    try {
      const body = toInput(form);
      const saved = editing
        ? await api.put<HouseholdView>(`/api/households/${encodeURIComponent(id)}`, { ...body, version })
        : await api.post<HouseholdView>('/api/households', { ...body, id });
      setDirty(false);
      navigate(`/register/${saved.id}`, { state: { notice: editing ? 'saved' : 'created' } });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'validation.invalid') {
        const problems = problemsFrom(caught.details);
        if (problems.length) showProblems(problems, form);
        else setError(caught);
      } else if (caught instanceof ApiError && caught.code === 'registry.conflict') {
        setConflict(true);
      } else if (caught instanceof ApiError && caught.code === 'registry.duplicate_ref') {
        showProblems([{ field: 'externalRef', rule: 'duplicate' }], form);
      } else {
        setError(caught);
      }
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  const goTo = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    const element = document.getElementById(target);
    if (!element) return;
    event.preventDefault();
    element.focus();
    element.scrollIntoView({ block: 'center' });
  };

  const cancelTo = editing ? `/register/${id}` : '/register';
  const summaryCount = errors.length + otherProblems.length;

  return (
    <Page title={title}>
      <Paragraph className="measure">{t('registry.form.intro')}</Paragraph>
      {summaryCount ? (
        <ErrorSummary key={submits} className="registry-error-summary">
          <ErrorSummary.Heading>
            {t('registry.form.errorSummary', { count: summaryCount })}
          </ErrorSummary.Heading>
          <ErrorSummary.List>
            {errors.map((fieldError) => (
              <ErrorSummary.Item key={fieldError.id}>
                <ErrorSummary.Link href={`#${fieldError.id}`} onClick={(event) => goTo(event, fieldError.id)}>
                  {rowLabel(fieldError.row)}
                  {message(fieldError)}
                </ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
            {otherProblems.map((problem) => (
              <ErrorSummary.Item key={`${problem.field}:${problem.rule}`}>
                {t('registry.errors.unplaced', { field: problem.field })}
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      ) : null}
      {conflict ? (
        <Alert data-color="warning" role="alert">
          <Heading level={2} data-size="xs">
            {t('registry.form.conflictTitle')}
          </Heading>
          <Paragraph>{t('registry.form.conflictBody')}</Paragraph>
          <Button variant="secondary" onClick={onReload}>
            {t('registry.form.conflictReload')}
          </Button>
        </Alert>
      ) : null}
      <ErrorNotice error={error} />
      <form noValidate onSubmit={onSubmit} className="form registry-form">
        <section aria-labelledby="household-about-heading" className="stack">
          <Heading level={2} data-size="sm" id="household-about-heading">
            {t('registry.form.aboutHeading')}
          </Heading>
          <RadioGroup
            name="kind"
            legend={t('registry.form.kind')}
            values={HOUSEHOLD_KINDS}
            labelOf={(kind) => t(`registry.kinds.${kind}`)}
            value={form.kind}
            onChange={(kind) => changeTop({ kind }, 'kind')}
            errorFor={errorFor}
          />
          <RadioGroup
            name="relation"
            legend={t('registry.form.relation')}
            values={RELATIONS}
            labelOf={(relation) => t(`registry.relations.${relation}`)}
            value={form.relation}
            onChange={(relation) => changeTop({ relation }, 'relation')}
            errorFor={errorFor}
          />
          <Textfield
            id={fieldId('address.line')}
            label={t('registry.form.addressLine')}
            autoComplete="off"
            value={form.addressLine}
            onChange={(event) => changeTop({ addressLine: event.target.value }, 'address.line')}
            error={errorFor(fieldId('address.line'))}
          />
          <PostcodeFields
            postcode={form.postcode}
            initialPlace={initialPlace}
            onChange={(postcode) => changeTop({ postcode }, 'address.postcode')}
            errorFor={errorFor}
          />
          <Textfield
            id={fieldId('travelMinutes')}
            label={t('registry.form.travel')}
            description={
              tableMinutes === null || tableMinutes === undefined
                ? t('registry.form.travelHint')
                : `${t('registry.form.travelHint')} ${t('registry.form.travelFromTable', { minutes: tableMinutes })}`
            }
            inputMode="numeric"
            suffix={t('registry.form.minutesSuffix')}
            autoComplete="off"
            value={form.travelMinutes}
            onChange={(event) => changeTop({ travelMinutes: event.target.value }, 'travelMinutes')}
            error={errorFor(fieldId('travelMinutes'))}
            className="registry-form__short"
          />
          <Textfield
            id={fieldId('externalRef')}
            label={t('registry.form.externalRef')}
            description={t('registry.form.externalRefHint')}
            autoComplete="off"
            value={form.externalRef}
            onChange={(event) => changeTop({ externalRef: event.target.value }, 'externalRef')}
            error={errorFor(fieldId('externalRef'))}
          />
        </section>

        <section aria-labelledby="household-adults-heading" className="stack">
          <Heading level={2} data-size="sm" id="household-adults-heading">
            {t('registry.form.adultsHeading')}
          </Heading>
          {form.adults.map((adult, index) => (
            <AdultFields
              key={adult.key}
              row={adult}
              index={index}
              onChange={(row: AdultForm) => setRow('adults', index, row)}
              onRemove={form.adults.length > 1 ? () => removeRow('adults', adult.key) : undefined}
              errorFor={errorFor}
            />
          ))}
          {form.adults.length < MAX_ADULTS ? (
            <div>
              <Button id="household-add-adults" variant="secondary" onClick={() => addRow('adults')}>
                {t('registry.form.addAdult')}
              </Button>
            </div>
          ) : (
            <Paragraph data-size="sm">{t('registry.form.maxAdults', { max: MAX_ADULTS })}</Paragraph>
          )}
        </section>

        <section aria-labelledby="household-children-heading" className="stack">
          <Heading level={2} data-size="sm" id="household-children-heading">
            {t('registry.form.childrenHeading')}
          </Heading>
          <Paragraph data-size="sm" className="measure">
            {t('registry.form.childrenIntro')}
          </Paragraph>
          {form.children.map((child, index) => (
            <ChildFields
              key={child.key}
              row={child}
              index={index}
              onChange={(row: ChildForm) => setRow('children', index, row)}
              onRemove={() => removeRow('children', child.key)}
              errorFor={errorFor}
            />
          ))}
          <div>
            <Button id="household-add-children" variant="secondary" onClick={() => addRow('children')}>
              {t('registry.form.addChild')}
            </Button>
          </div>
        </section>

        <section aria-labelledby="household-placements-heading" className="stack">
          <Heading level={2} data-size="sm" id="household-placements-heading">
            {t('registry.form.placementsHeading')}
          </Heading>
          {form.placements.map((placement, index) => (
            <PlacementFields
              key={placement.key}
              row={placement}
              index={index}
              onChange={(row: PlacementForm) => setRow('placements', index, row)}
              onRemove={() => removeRow('placements', placement.key)}
              errorFor={errorFor}
              childRows={form.children}
            />
          ))}
          {form.children.length ? (
            <div>
              <Button id="household-add-placements" variant="secondary" onClick={() => addRow('placements')}>
                {t('registry.form.addPlacement')}
              </Button>
            </div>
          ) : (
            <Paragraph data-size="sm" id="household-add-placements" tabIndex={-1}>
              {t('registry.form.placementsNeedChild')}
            </Paragraph>
          )}
        </section>

        <div className="button-row registry-form__actions">
          <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
            {busy ? t('registry.form.saving') : t('registry.form.save')}
          </Button>
          <Button asChild variant="secondary">
            <RouterLink to={cancelTo}>{t('common.cancel')}</RouterLink>
          </Button>
        </div>
      </form>
    </Page>
  );
}
