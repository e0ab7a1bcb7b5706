"""Read QR codes back, as a phone camera would (zxing-cpp), to test what they really encode."""

import io

import zxingcpp
from PIL import Image


def decode_qr(image_bytes):
    """The texts of the QR codes in a PNG (or any image Pillow opens)."""
    image = Image.open(io.BytesIO(image_bytes)).convert("L")
    return [result.text for result in zxingcpp.read_barcodes(image) if result.format == zxingcpp.BarcodeFormat.QRCode]
