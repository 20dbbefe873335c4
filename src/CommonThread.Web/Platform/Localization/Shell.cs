namespace CommonThread.Web.Platform.Localization;

/// <summary>Marker for the resource files (Shell.resx, Shell.es.resx) that hold the shell's text.</summary>
public sealed class Shell;
