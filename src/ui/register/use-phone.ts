import { useEffect, useState } from 'react';

/** The width at or below which the register is a compact list (the phone layout of styles.css). */
const PHONE_QUERY = '(max-width: 640px)';

/** Whether the window is phone-narrow now; follows resizes and rotations. */
export function usePhone(): boolean {
  const [phone, setPhone] = useState(() => globalThis.matchMedia?.(PHONE_QUERY).matches ?? false);
  useEffect(() => {
    const mq = globalThis.matchMedia?.(PHONE_QUERY);
    if (!mq) return;
    const onChange = () => setPhone(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return phone;
}
