import { parseMailDate, proposeOriginalArrival, receivedHeaderDate } from './original-arrival';

describe('original arrival of a forwarded message', () => {
  const accepted = new Date('2026-03-02T10:00:00Z');

  it('reads the date after the last semicolon of a Received header, comments and folding aside', () => {
    expect(receivedHeaderDate('from a.test (a.test [192.0.2.1]) by mx.b.test with ESMTPS id 1; Fri, 27 Feb 2026 16:04:05 +0200 (EET)')?.toISOString()).toBe('2026-02-27T14:04:05.000Z');
    expect(receivedHeaderDate('by mx.b.test; for <x@b.test>; Fri, 27 Feb 2026 14:04:05 GMT')?.toISOString()).toBe('2026-02-27T14:04:05.000Z');
    expect(receivedHeaderDate('from a.test by b.test')).toBeNull();
    expect(receivedHeaderDate('from a.test by b.test; not a date')).toBeNull();
    expect(parseMailDate('')).toBeNull();
    expect(parseMailDate('(comment only)')).toBeNull();
  });

  it("proposes the topmost Received header (the controller's mailbox, the last hop)", () => {
    const p = proposeOriginalArrival({ received: ['by mailbox; Fri, 27 Feb 2026 16:04:05 +0200', 'by relay; Fri, 27 Feb 2026 16:03:59 +0200'], date: 'Fri, 27 Feb 2026 16:03:00 +0200' }, accepted);
    expect(p).toEqual({ at: new Date('2026-02-27T14:04:05Z'), source: 'received-header' });
  });

  it('falls back to the Date header without a usable Received header', () => {
    expect(proposeOriginalArrival({ received: [], date: 'Thu, 26 Feb 2026 12:00:00 +0200' }, accepted)).toEqual({ at: new Date('2026-02-26T10:00:00Z'), source: 'date-header' });
    expect(proposeOriginalArrival({ received: ['by mailbox'], date: new Date('2026-02-26T10:00:00Z') }, accepted)?.source).toBe('date-header');
  });

  it('never proposes an instant later than acceptance', () => {
    expect(proposeOriginalArrival({ received: ['by mailbox; Mon, 2 Mar 2026 12:00:01 +0200'], date: 'Sun, 1 Mar 2026 09:00:00 +0200' }, accepted)?.source).toBe('date-header');
    expect(proposeOriginalArrival({ received: ['by mailbox; Tue, 3 Mar 2026 09:00:00 +0200'], date: 'Tue, 3 Mar 2026 09:00:00 +0200' }, accepted)).toBeNull();
    // acceptance itself is allowed (not later)
    expect(proposeOriginalArrival({ received: ['by mailbox; Mon, 2 Mar 2026 10:00:00 +0000'], date: null }, accepted)?.at.toISOString()).toBe(accepted.toISOString());
    expect(proposeOriginalArrival({ received: [], date: null }, accepted)).toBeNull();
  });
});
