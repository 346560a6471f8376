import { Badge, type BadgeProps } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

/** A status badge: the colour tints the background, the text stays dark enough to read (WCAG 1.4.3; green-9 on its light tint is below 4.5:1). */
export function Tone({ color = 'gray', variant = 'light', children, ...rest }: BadgeProps & { children?: ReactNode; title?: string }) {
  const style = { '--badge-color': 'var(--mantine-color-dark-7)' } as CSSProperties;
  return (
    <Badge variant={variant} color={color} style={style} {...rest}>
      {children}
    </Badge>
  );
}
