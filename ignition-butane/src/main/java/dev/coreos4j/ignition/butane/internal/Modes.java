package dev.coreos4j.ignition.butane.internal;

/** Butane's {@code CheckForDecimalMode}: a mode that is odd in octal but typical when its digits are read as octal. */
public final class Modes {
    private Modes() {}

    public static boolean looksDecimal(long mode, boolean directory) {
        if (mode < 0 || mode > 7777) {
            return false;
        }
        long corrected = 0;
        for (long divisor = 1000; divisor > 0; divisor /= 10) {
            long digit = (mode / divisor) % 10;
            if (digit > 7) {
                return false;
            }
            corrected = (corrected << 3) | digit;
        }
        return !isTypical(mode, directory) && isTypical(corrected, directory);
    }

    static boolean isTypical(long mode, boolean directory) {
        if (mode == 0) {
            return true;
        }
        long[] perms = {mode & 07, (mode & 070) >> 3, (mode & 0700) >> 6};
        boolean hadR = false;
        boolean hadW = false;
        boolean hadX = false;
        for (long perm : perms) {
            boolean r = (perm & 4) != 0;
            boolean w = (perm & 2) != 0;
            boolean x = (perm & 1) != 0;
            if ((!r && hadR) || (!w && hadW) || (!x && hadX)) {
                return false;
            }
            if (x && hadR && !hadX) {
                return false;
            }
            if ((w || x) && !r) {
                return false;
            }
            hadR |= r;
            hadW |= w;
            hadX |= x;
        }
        if (!hadR) {
            return false;
        }
        if (directory) {
            if (!hadX) {
                return false;
            }
            if ((mode & 04000) != 0) {
                return false;
            }
            if ((mode & 03000) != 0 && !hadW) {
                return false;
            }
        } else {
            if ((mode & 06000) != 0) {
                if (!hadX) {
                    return false;
                }
                if ((mode & 2) != 0) {
                    return false;
                }
            }
            if ((mode & 01000) != 0) {
                return false;
            }
        }
        return true;
    }
}
