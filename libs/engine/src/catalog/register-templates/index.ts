export { REGISTER_TEMPLATE_KEYS, TEMPLATE_SPECS } from './templates';
export type { RegisterTemplateKey, TemplateSpec } from './templates';
export { REGISTER_TEMPLATES, registerFromTemplate, blankRegister, isRegisterTemplateKey } from './build';
export type { RegisterTemplate } from './build';
export { templateRef, placeholderRef, TEMPLATE_NOTE } from './template-ref';
