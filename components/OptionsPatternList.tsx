import { useState } from 'preact/hooks';
import { builtInPatterns } from '../lib/rules/default/patterns';
import { patternProblem } from '../lib/rules/regex-safety';

/**
 * A list edited one entry a line. With `patterns`, every line is checked as a regular
 * expression as it is typed and each problem names its line.
 */
export function OptionsPatternList(props: {
  id: string;
  label: string;
  values: string[];
  patterns?: boolean;
  locked: boolean;
  onChange(values: string[]): void;
}) {
  // The text as typed (blank lines included) survives re-renders from the parent.
  const [text, setText] = useState(props.values.join('\n'));
  const lines = text.split('\n');
  const problems = props.patterns
    ? lines.flatMap((line, i) => {
        // Built-in patterns passed the check in the tests; it runs on every render.
        const problem =
          line.trim() === '' || builtInPatterns().has(line) ? null : patternProblem(line);
        return problem ? [`Line ${i + 1}: ${problem}`] : [];
      })
    : [];
  const problemId = `${props.id}-problem`;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        rows={Math.min(8, Math.max(2, lines.length))}
        value={text}
        disabled={props.locked}
        spellcheck={false}
        aria-invalid={problems.length > 0 ? 'true' : undefined}
        aria-describedby={problems.length > 0 ? problemId : undefined}
        onInput={(e) => {
          const next = (e.currentTarget as HTMLTextAreaElement).value;
          setText(next);
          props.onChange(next.split('\n').filter((line) => line.trim() !== ''));
        }}
      />
      {problems.length > 0 && (
        <ul class="problem" id={problemId}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
