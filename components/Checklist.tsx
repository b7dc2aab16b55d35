/** The first checks that apply, as a checklist whose ticks persist per record. */
export function Checklist(props: {
  items: { id: string; text: string }[];
  ticked: string[];
  onToggle(id: string, ticked: boolean): void;
  idPrefix: string;
}) {
  return (
    <fieldset class="checks">
      <legend>First checks</legend>
      <ul>
        {props.items.map((item) => {
          const id = `${props.idPrefix}-${item.id}`;
          return (
            <li key={item.id}>
              <input
                type="checkbox"
                id={id}
                checked={props.ticked.includes(item.id)}
                onChange={(event) => props.onToggle(item.id, event.currentTarget.checked)}
              />
              <label for={id}>{item.text}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
