// The singletons None, NotImplemented and Ellipsis.
import { PyObject, PyType } from './object';

export const noneType = new PyType({ name: 'NoneType', hooks: { repr: () => 'None', truthy: () => false } });
export const notImplementedType = new PyType({
  name: 'NotImplementedType',
  hooks: { repr: () => 'NotImplemented' },
});
export const ellipsisType = new PyType({ name: 'ellipsis', hooks: { repr: () => 'Ellipsis' } });

export const None = new PyObject(noneType);
export const NotImplemented = new PyObject(notImplementedType);
export const Ellipsis = new PyObject(ellipsisType);
