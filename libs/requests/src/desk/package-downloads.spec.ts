import { isDataPackage } from './package-downloads';
import { isStaffOnlyFile } from '../fulfilment/request-artifact.entity';

describe('which files of a request the status link serves, and how', () => {
  it('asks a fresh code for a data package, not for a reply document', () => {
    expect(isDataPackage('access-html')).toBe(true);
    expect(isDataPackage('portability-json')).toBe(true);
    expect(isDataPackage('reply')).toBe(false);
  });

  it('never counts the original or a printed letter as a package: they are kept for staff alone', () => {
    for (const kind of ['original', 'letter-identity-reminder-1', 'letter-identity-not-confirmed-2']) {
      expect(isStaffOnlyFile(kind)).toBe(true);
      expect(isDataPackage(kind)).toBe(false);
    }
    expect(isStaffOnlyFile('reply')).toBe(false);
    expect(isStaffOnlyFile('access-html')).toBe(false);
  });
});
