/** A labelled select for GET filter forms, with an "any" choice first when `anyLabel` is given. */
export function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  anyLabel?: string;
  defaultValue: string | number;
  options: ReadonlyArray<{ value: string | number; label: string }>;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.defaultValue}>
        {props.anyLabel === undefined ? null : <option value="">{props.anyLabel}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
