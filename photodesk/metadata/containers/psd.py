"""Photoshop PSD (and PSB): a header, then length-prefixed sections; metadata is in the IRB.

Layout: 26-byte header (``8BPS``, version 1 = PSD or 2 = PSB, channels, height, width, depth,
mode), colour-mode data, image resources (the IRB: IPTC 0x0404, EXIF 0x0422, XMP 0x0424),
layer and mask information (its length is 8 bytes in PSB), image data. A metadata rewrite
changes only the image resources, so the image data is everything from the layer section on.
"""

from __future__ import annotations

import struct

from photodesk.metadata.container import RawMetadata, UnreadableImage
from photodesk.metadata.containers import irb
from photodesk.metadata.containers.buffers import tiff_payload

# Header colour mode → ours: bitmap and greyscale, indexed (RGB palette) and RGB, CMYK. Duotone,
# multichannel and Lab are None: none of them says how the picture will look on a screen.
_MODES = {0: "gray", 1: "gray", 2: "rgb", 3: "rgb", 4: "cmyk"}


def parse_psd(view: memoryview) -> RawMetadata:
    """The blocks, header size and colour mode, and layer+image data range of a PSD/PSB file."""
    if len(view) < 34:
        raise UnreadableImage("truncated PSD header")
    height, width, _, mode = struct.unpack_from(">IIHH", view, 14)
    out = RawMetadata("psd", width=width, height=height, color_mode=_MODES.get(mode))
    mode_len = struct.unpack_from(">I", view, 26)[0]
    resources_at = 30 + mode_len
    if resources_at + 4 > len(view):
        out.warnings.append("PSD ends in the colour-mode data (truncated)")
        return out
    resources_len = struct.unpack_from(">I", view, resources_at)[0]
    layers_at = resources_at + 4 + resources_len
    if layers_at > len(view):
        out.warnings.append("PSD image resources run past the end of the file")
        layers_at = len(view)
    found = irb.resources(bytes(view[resources_at + 4 : layers_at]), out.warnings)
    out.iim = irb.iim_of(found)
    out.xmp = irb.first_of(found, irb.XMP)
    exif = irb.first_of(found, irb.EXIF)
    out.exif = tiff_payload(exif) if exif else None
    if layers_at < len(view):
        out.image_data.append((layers_at, len(view) - layers_at))
    else:
        out.warnings.append("PSD has no layer or image data (truncated)")
    return out
