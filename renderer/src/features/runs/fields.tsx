// Small form pieces the steps share. Every control has a visible label; hints and errors
// are tied to their control with aria-describedby.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFIDENCE_LEVELS, STEPS, STEP_IDS, type Confidence, type StepId } from '../../../../shared/framework/catalogue';
import type { LiveText } from './useLiveText';
import { StepQuestions } from './ScenarioContext';
import './fields.css';

export function StepHeading({ step, children }: { step: StepId; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="step-head">
      <p className="step-head__eyebrow">{t('runs.stepper.stepOf', { n: STEP_IDS.indexOf(step) + 1, total: STEP_IDS.length })}</p>
      <h2 className="step-head__title" tabIndex={-1} data-step-heading>
        {STEPS[step].label}
      </h2>
      <p className="step-head__description">{STEPS[step].description}</p>
      {children}
      <StepQuestions step={step} />
    </header>
  );
}

export function TextField({
  label,
  hint,
  value,
  onChange,
  onBlur,
  multiline = false,
  rows = 3,
  disabled = false,
  placeholder,
  lang,
}: {
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  multiline?: boolean;
  rows?: number;
  disabled?: boolean;
  placeholder?: string;
  lang?: string;
}) {
  const id = useId();
  const hintId = useId();
  const common = {
    id,
    value,
    disabled,
    placeholder,
    lang,
    className: multiline ? 'input input--area' : 'input',
    'aria-describedby': hint ? hintId : undefined,
    onBlur,
  };
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

/** A text field whose changes are sent as they happen (see useLiveText). */
export function LiveTextField(props: Omit<Parameters<typeof TextField>[0], 'value' | 'onChange' | 'onBlur'> & { live: LiveText }) {
  const { live, ...rest } = props;
  return <TextField {...rest} value={live.value} onChange={live.onChange} onBlur={live.commit} />;
}

export function ChoiceGroup<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  disabled = false,
  inline = true,
}: {
  legend: ReactNode;
  name: string;
  options: readonly { readonly id: T; readonly label: ReactNode }[];
  value: T | null;
  onChange: (value: T) => void;
  disabled?: boolean;
  inline?: boolean;
}) {
  return (
    <fieldset className={inline ? 'choices choices--inline' : 'choices'} disabled={disabled}>
      <legend className="field__label">{legend}</legend>
      <div className="choices__options">
        {options.map((o) => (
          <label key={o.id} className={value === o.id ? 'choice choice--checked' : 'choice'}>
            <input type="radio" name={name} value={o.id} checked={value === o.id} onChange={() => onChange(o.id)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ConfidenceChoice({ name, value, onChange }: { name: string; value: Confidence | null; onChange: (c: Confidence) => void }) {
  const { t } = useTranslation();
  return (
    <ChoiceGroup
      legend={t('runs.fields.confidence')}
      name={name}
      value={value}
      onChange={onChange}
      options={CONFIDENCE_LEVELS.map((c) => ({ id: c, label: t(`runs.confidence.${c}`) }))}
    />
  );
}
