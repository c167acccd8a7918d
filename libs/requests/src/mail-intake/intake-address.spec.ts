import { intakeAddress, intakeSlug } from './intake-address';

describe('intake addresses', () => {
  const domain = 'intake.regula.localhost';

  it('names a tenant by the local part, at the intake domain only', () => {
    expect(intakeAddress('inomedis', domain)).toBe('inomedis@intake.regula.localhost');
    expect(intakeSlug('inomedis@intake.regula.localhost', domain)).toBe('inomedis');
    expect(intakeSlug('Softera-Baltic@INTAKE.regula.localhost.', domain)).toBe('softera-baltic');
  });

  it('refuses other domains (no relay) and local parts that cannot be a slug', () => {
    expect(intakeSlug('inomedis@example.com', domain)).toBeNull();
    expect(intakeSlug('inomedis@sub.intake.regula.localhost', domain)).toBeNull();
    expect(intakeSlug('a.b@intake.regula.localhost', domain)).toBeNull();
    expect(intakeSlug('@intake.regula.localhost', domain)).toBeNull();
    expect(intakeSlug('no-at-sign', domain)).toBeNull();
  });
});
