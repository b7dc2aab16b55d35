/**
 * Tarjan's strongly connected components over nodes 0..count-1 (iterative), numbered in the order
 * they complete: a component's number is lower than those of the components that reach it.
 */
export function components(count: number, next: (node: number) => Iterable<number>): Int32Array {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const component = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  let counter = 0;
  let found = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const frames: [number, Iterator<number>][] = [[root, next(root)[Symbol.iterator]()]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const [node, edges] = frames.at(-1)!;
      const step = edges.next();
      if (!step.done) {
        const to = step.value;
        if (index[to] === -1) {
          index[to] = low[to] = counter++;
          stack.push(to);
          onStack[to] = 1;
          frames.push([to, next(to)[Symbol.iterator]()]);
        } else if (onStack[to]) low[node] = Math.min(low[node]!, index[to]!);
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames.at(-1)![0];
        low[parent] = Math.min(low[parent]!, low[node]!);
      }
      if (low[node] === index[node]) {
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component[member] = found;
        } while (member !== node);
        found++;
      }
    }
  }
  return component;
}
