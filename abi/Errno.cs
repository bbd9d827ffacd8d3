namespace FfaConformance.Abi;

/// <summary>The errno values a transport returns (negated). Linux asm-generic numbering, which U-Boot shares.</summary>
public enum Errno
{
    EPERM = 1,
    EINTR = 4,
    EAGAIN = 11,
    ENOMEM = 12,
    EACCES = 13,
    EBUSY = 16,
    EINVAL = 22,
    ENODEV = 19,
    ENOSYS = 38,
    ENODATA = 61,
    EPROTO = 71,
    EOPNOTSUPP = 95,
    ETIMEDOUT = 110,
    ECANCELED = 125,
}
