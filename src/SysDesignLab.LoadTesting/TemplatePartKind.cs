namespace SysDesignLab.LoadTesting;

internal enum TemplatePartKind
{
    Literal,
    Int,
    Choice,
    Guid,
    User,
    Session,
}
