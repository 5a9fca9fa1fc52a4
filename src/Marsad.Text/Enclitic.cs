namespace Marsad.Text;

/// <summary>Attached object/possessive pronoun at the end of an Arabic word.</summary>
public enum Enclitic : byte
{
    None,
    /// <summary>ه him/his.</summary>
    Hu,
    /// <summary>ها her/its.</summary>
    Ha,
    /// <summary>هم them/their (m.).</summary>
    Hum,
    /// <summary>هما them/their (dual).</summary>
    Huma,
    /// <summary>هن them/their (f.).</summary>
    Hunna,
    /// <summary>كم you/your (pl. m.).</summary>
    Kum,
    /// <summary>كما you/your (dual).</summary>
    Kuma,
    /// <summary>كن you/your (pl. f.).</summary>
    Kunna,
    /// <summary>نا us/our.</summary>
    Na,
    /// <summary>ي me/my.</summary>
    Ya,
}
