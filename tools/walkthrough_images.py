"""Copy the browser tests' step screenshots (var/screenshots/) into docs/walkthrough/ for docs/walkthrough.md.

Run by `make walkthrough` after the browser tests. Pictures are squeezed with pngquant when it is installed
(Debian: apt-get install pngquant); otherwise they are copied as they are.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "var" / "screenshots"
TARGET = ROOT / "docs" / "walkthrough"
# The walks the walkthrough shows, one section each.
WALKS = ["000-wied", "001-wiwd", "002-wiwb", "003-gud", "004-alnd", "appellate-ca8", "001-wiwd-keyboard", "phone"]


def main() -> int:
    missing = [walk for walk in WALKS if not (SOURCE / walk).is_dir()]
    if missing:
        print(f"No screenshots for {', '.join(missing)} in {SOURCE}: run `make test-browser` first.", file=sys.stderr)
        return 1
    pngquant = shutil.which("pngquant")
    total = 0
    for walk in WALKS:
        target = TARGET / walk
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        for picture in sorted((SOURCE / walk).glob("*.png")):
            out = target / picture.name
            if pngquant:
                squeeze = [pngquant, "--quality=60-85", "--speed=1", "--strip", "--force"]
                # Our own screenshots through the pngquant found on PATH: no untrusted input.
                subprocess.run([*squeeze, "--output", str(out), str(picture)], check=True)  # noqa: S603
            else:
                shutil.copyfile(picture, out)
            total += out.stat().st_size
    print(f"{TARGET}: {sum(1 for _ in TARGET.rglob('*.png'))} pictures, {total // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
