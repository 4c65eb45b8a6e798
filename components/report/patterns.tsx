/**
 * Fills that survive greyscale printing: each series has a colour AND a
 * texture (solid, stripes, dots, crosses…) drawn in white over it, and the
 * legend shows the same swatch. Colours alone would print as near-equal greys.
 */
const COLOURS = ['#1f4e79', '#d9822b', '#4f7f2f', '#8e3b8a', '#6b6b6b', '#b8961f', '#1e8a80', '#a83232'];
const TEXTURES = ['solid', 'diagonal', 'dots', 'horizontal', 'cross', 'vertical', 'back-diagonal'] as const;

export function fillStyle(index: number): { colour: string; texture: (typeof TEXTURES)[number] } {
  return {
    colour: COLOURS[index % COLOURS.length]!,
    // Shifted by the round of colours, so the ninth series is not the first again.
    texture: TEXTURES[(index + Math.floor(index / COLOURS.length)) % TEXTURES.length]!,
  };
}

/** The `url(#…)` fill of a series; `prefix` keeps ids unique when several charts share a document. */
export function fillUrl(prefix: string, index: number): string {
  return `url(#${prefix}-f${index})`;
}

function Texture({ kind }: { kind: (typeof TEXTURES)[number] }) {
  const line = { stroke: '#ffffff', 'stroke-width': 1.4 };
  switch (kind) {
    case 'solid':
      return null;
    case 'diagonal':
      return <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" {...line} />;
    case 'back-diagonal':
      return <path d="M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2" {...line} />;
    case 'dots':
      return <circle cx="3" cy="3" r="1.3" fill="#ffffff" />;
    case 'horizontal':
      return <path d="M0,3 h6" {...line} />;
    case 'vertical':
      return <path d="M3,0 v6" {...line} />;
    case 'cross':
      return <path d="M0,3 h6 M3,0 v6" {...line} stroke-width={1} />;
  }
}

function PatternDef({ prefix, index }: { prefix: string; index: number }) {
  const { colour, texture } = fillStyle(index);
  return (
    <pattern id={`${prefix}-f${index}`} patternUnits="userSpaceOnUse" width="6" height="6">
      <rect width="6" height="6" fill={colour} />
      <Texture kind={texture} />
    </pattern>
  );
}

export function PatternDefs({ prefix, count }: { prefix: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => (
        <PatternDef key={i} prefix={prefix} index={i} />
      ))}
    </defs>
  );
}

/** A legend's swatch: its own tiny SVG with its own pattern, so it prints the same anywhere. */
export function Swatch({ prefix, index }: { prefix: string; index: number }) {
  const id = `${prefix}-s${index}`;
  return (
    <svg class="swatch" width="16" height="12" viewBox="0 0 16 12" aria-hidden="true">
      <defs>
        <PatternDef prefix={id} index={index} />
      </defs>
      <rect width="16" height="12" fill={fillUrl(id, index)} stroke="#333" stroke-width="0.5" />
    </svg>
  );
}

/**
 * An axis for counts: a round step (1, 2, 5 × 10ⁿ, never a fraction of an
 * idea) and the top the ticks reach: 3 → 0,1,2,3; 23 → 0,5,…,25; 180 → 0,50,…,200.
 */
export function countTicks(max: number, most = 5): number[] {
  if (max <= 0) return [0, 1];
  let step = 1;
  for (let power = 1; ; power *= 10) {
    const found = [1, 2, 5].map((m) => m * power).find((s) => Math.ceil(max / s) <= most);
    if (found) {
      step = found;
      break;
    }
  }
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

/** 0 → 1, 7 → 10, 23 → 25, 180 → 200: a round top for an axis. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (max <= step * power) return step * power;
  return 10 * power;
}
