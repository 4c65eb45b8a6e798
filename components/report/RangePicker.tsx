import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { pair } from '../../lib/i18n/both';
import { REPORT_PRESETS } from '../../lib/ideas/report';
import { Bi } from './bi';
import type { ReportModel } from './report-model';

/**
 * The report's date range: four presets as a radio group (arrow keys move
 * between them, the browser's own behaviour) and a custom range of two date
 * fields applied with "Xem / Show" (or Enter).
 */
export function RangePicker({ model }: { model: ReportModel }) {
  const from = useSignal(model.range.value.from);
  const to = useSignal(model.range.value.to);
  // A preset fills the fields, so a custom range starts from what is shown.
  useEffect(() => {
    from.value = model.range.value.from;
    to.value = model.range.value.to;
  }, [model.range.value]);
  return (
    <form
      class="range-picker no-print"
      onSubmit={(event) => {
        event.preventDefault();
        model.chooseCustom(from.value, to.value);
      }}
    >
      <fieldset>
        <legend>
          <Bi p={pair('report_rangeLabel')} />
        </legend>
        <div class="presets">
          {REPORT_PRESETS.map((preset) => (
            <label key={preset}>
              <input
                type="radio"
                name="report-preset"
                value={preset}
                checked={model.preset.value === preset}
                onChange={() => model.choosePreset(preset)}
              />
              <Bi p={pair(`report_preset_${preset}`)} />
            </label>
          ))}
          <label>
            <input
              type="radio"
              name="report-preset"
              value="custom"
              checked={model.preset.value === 'custom'}
              onChange={() => {
                model.preset.value = 'custom';
              }}
            />
            <Bi p={pair('report_preset_custom')} />
          </label>
        </div>
        <div class="custom-range">
          <label>
            <Bi p={pair('report_from')} />{' '}
            <input
              type="date"
              name="from"
              value={from.value}
              max={model.today}
              onInput={(event) => {
                from.value = (event.currentTarget as HTMLInputElement).value;
              }}
            />
          </label>
          <label>
            <Bi p={pair('report_to')} />{' '}
            <input
              type="date"
              name="to"
              value={to.value}
              onInput={(event) => {
                to.value = (event.currentTarget as HTMLInputElement).value;
              }}
            />
          </label>
          <button type="submit">
            <Bi p={pair('report_apply')} />
          </button>
        </div>
        {model.rangeError.value ? (
          <p role="alert" class="error">
            {model.rangeError.value}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
