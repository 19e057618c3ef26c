package display

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
)

// encodePNG encodes a rendered picture. Pictures are opaque RGBA images (every canvas starts
// white), which encodeOpaqueRGBA writes about twice as fast as image/png, whose per-row
// filter search dominates; anything else goes through image/png.
func encodePNG(img image.Image) ([]byte, error) {
	if rgba, ok := img.(*image.RGBA); ok {
		if b, ok := encodeOpaqueRGBA(rgba); ok {
			return b, nil
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("display: writing png: %w", err)
	}
	return buf.Bytes(), nil
}

// encodeOpaqueRGBA writes img as an 8-bit RGB PNG with no row filter and fast deflate. It
// reports false, having written nothing useful, when a pixel is not opaque.
func encodeOpaqueRGBA(img *image.RGBA) ([]byte, bool) {
	r := img.Bounds()
	w, h := r.Dx(), r.Dy()
	var idat bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&idat, zlib.BestSpeed) // the level is valid: no error
	row := make([]byte, 1+3*w)                          // filter byte 0 (none), then RGB
	for y := 0; y < h; y++ {
		px := img.Pix[img.PixOffset(r.Min.X, r.Min.Y+y):]
		for x := 0; x < w; x++ {
			p := px[4*x : 4*x+4 : 4*x+4]
			if p[3] != 0xff {
				return nil, false
			}
			copy(row[1+3*x:4+3*x], p[:3])
		}
		zw.Write(row) // writes to a bytes.Buffer cannot fail
	}
	zw.Close()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per sample, truecolour; compression, filter, interlace 0
	writeChunk(&out, "IHDR", ihdr[:])
	writeChunk(&out, "IDAT", idat.Bytes())
	writeChunk(&out, "IEND", nil)
	return out.Bytes(), true
}

// writeChunk appends one PNG chunk: length, type, data and the CRC of type and data.
func writeChunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	out.WriteString(typ)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}
