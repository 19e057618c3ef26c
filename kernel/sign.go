package kernel

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
)

// errBadSignature is returned for a message whose signature does not match.
var errBadSignature = errors.New("kernel: bad signature")

// signer signs and verifies messages with the connection key.
type signer struct {
	key []byte // empty: no signing, no checking
}

// sign returns the hex HMAC-SHA256 of the frames, or "" with an empty key.
func (s signer) sign(frames ...[]byte) []byte {
	if len(s.key) == 0 {
		return nil
	}
	m := hmac.New(sha256.New, s.key)
	for _, f := range frames {
		m.Write(f)
	}
	sum := m.Sum(nil)
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum)
	return out
}

// verify checks sig against the frames in constant time. With an empty key every signature is
// accepted.
func (s signer) verify(sig []byte, frames ...[]byte) error {
	if len(s.key) == 0 {
		return nil
	}
	got := make([]byte, hex.DecodedLen(len(sig)))
	if _, err := hex.Decode(got, sig); err != nil {
		return errBadSignature
	}
	m := hmac.New(sha256.New, s.key)
	for _, f := range frames {
		m.Write(f)
	}
	if !hmac.Equal(got, m.Sum(nil)) {
		return errBadSignature
	}
	return nil
}
