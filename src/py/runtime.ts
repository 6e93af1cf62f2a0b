// Installs everything the object model gets after its types exist: exception attributes, the
// methods of the built-in types and the constructors behind calling them.
import './exceptions/attributes';
import './exceptions/oserror';
import './methods/str-methods';
import './methods/str-search';
import './methods/bytes-methods';
import './methods/bytearray-methods';
import './methods/list-methods';
import './methods/dict-methods';
import './methods/int-methods';
import './methods/range-methods';
import './builtins/index';
