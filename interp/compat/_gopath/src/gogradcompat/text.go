package gogradcompat

import "errors"

// Text returns a value that fmt prints as s under %v, %s, %q, %x and %X, as it prints a
// value whose String or Error method returns s. compat's print rewrites put it in place
// of cell values that yaegi would print without their methods. It is a native error
// value, so fmt.Print still puts spaces around it as around any operand that is not a
// string.
func Text(s string) any { return errors.New(s) }
