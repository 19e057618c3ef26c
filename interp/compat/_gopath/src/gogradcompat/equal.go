package gogradcompat

// Equal compares two interface values with ==, for compat's rewrite of == between
// interfaces once no cell type matched. yaegi keeps a cell *value* type stored in a native
// interface such as error as a struct of method closures that it can neither compare nor
// assert back to the cell type: that panic is turned into one that says what to do.
func Equal(x, y any) bool {
	defer func() {
		if r := recover(); r != nil {
			panic("comparing interface values that hold a cell type with value-receiver methods is not supported by the interpreter; " +
				"give the type's methods pointer receivers and use pointers (&T{...})")
		}
	}()
	return x == y
}
