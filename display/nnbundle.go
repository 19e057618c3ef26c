package display

// bundleOfNN shows the nn package's types; see BundleOf.
func bundleOfNN(v any) (Bundle, bool, error) {
	return Bundle{}, false, nil
}
