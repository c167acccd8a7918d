import { EvidencePackBusyError, EvidencePackSlots } from './evidence-pack-slots.service';

describe('evidence pack slots', () => {
  it('admit one pack per tenant and two per process, and free a slot once', () => {
    const slots = new EvidencePackSlots();
    const a = slots.acquire('tenant-a');
    expect(() => slots.acquire('tenant-a')).toThrow(EvidencePackBusyError);
    const b = slots.acquire('tenant-b');
    let busy: unknown;
    try {
      slots.acquire('tenant-c');
    } catch (e) {
      busy = e;
    }
    expect(busy).toBeInstanceOf(EvidencePackBusyError);
    expect((busy as EvidencePackBusyError).kind).toBe('too-many-requests'); // 429 with Retry-After
    expect((busy as EvidencePackBusyError).reason).toBe('process');
    expect((busy as EvidencePackBusyError).retryAfterSeconds).toBeGreaterThan(0);
    a();
    a(); // a second call frees nothing more
    expect(slots.running).toBe(1);
    const c = slots.acquire('tenant-c');
    expect(() => slots.acquire('tenant-a')).toThrow(/as many evidence packs/);
    b();
    c();
    expect(slots.running).toBe(0);
    slots.acquire('tenant-a')();
  });
});
