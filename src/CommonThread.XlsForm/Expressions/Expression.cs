namespace CommonThread.XlsForm.Expressions;

/// <summary>What an expression reads while it is evaluated: other questions' answers, its own ("."), the day and the moment.</summary>
public interface IExpressionContext
{
    /// <summary>The answer of <c>${name}</c> as this place in the form sees it (within a repeat, the same instance's).</summary>
    XPathValue Reference(string name);

    XPathValue Current { get; }

    DateOnly Today { get; }

    /// <summary>The moment for now(): given, like <see cref="Today"/>, so that an evaluation is repeatable.</summary>
    DateTimeOffset Now { get; }

    /// <summary>A column of the choice being filtered (a bare name in a choice_filter: <c>country = ${country}</c>).</summary>
    XPathValue ChoiceColumn(string name);

    /// <summary>Every instance of <c>${name}</c> wherever the expression sits (indexed-repeat's view); a repeat's own name gives one value per instance.</summary>
    XPathValue Nodes(string name) => Reference(name);

    /// <summary>position(..): the 1-based number of the repeat instance the expression is evaluated in; 1 outside a repeat.</summary>
    int Position => 1;

    /// <summary>once(): the answer the current question already has, kept from before this evaluation ("" when none).</summary>
    XPathValue Stored => Current;

    /// <summary>jr:choice-name: the label, in the evaluation's language, of the choice <paramref name="value"/> in <paramref name="question"/>'s list; "" when there is none.</summary>
    string ChoiceLabel(string question, string value) => "";
}

/// <summary>A parsed expression: evaluate it as often as answers change. Immutable and thread-safe.</summary>
public abstract record Expression
{
    public abstract XPathValue Evaluate(IExpressionContext context);

    /// <summary>Every <c>${name}</c> the expression reads, for checking the names exist and for ordering calculations.</summary>
    public virtual IEnumerable<string> References() => Children.SelectMany(c => c.References());

    /// <summary>Bare names, which only a choice_filter may use (for the choices' own columns).</summary>
    public virtual IEnumerable<string> ChoiceColumns() => Children.SelectMany(c => c.ChoiceColumns());

    /// <summary>The references that may name a repeat itself: count()'s argument and indexed-repeat()'s repeats. Anywhere else a repeat has no value to read.</summary>
    public virtual IEnumerable<string> RepeatReferences() => Children.SelectMany(c => c.RepeatReferences());

    private protected virtual IEnumerable<Expression> Children => [];
}

internal sealed record ChoiceColumnReference(string Name) : Expression
{
    public override XPathValue Evaluate(IExpressionContext context) => context.ChoiceColumn(Name);

    public override IEnumerable<string> ChoiceColumns() => [Name];
}

internal sealed record Literal(XPathValue Value) : Expression
{
    public override XPathValue Evaluate(IExpressionContext context) => Value;
}

internal sealed record Reference(string Name) : Expression
{
    public override XPathValue Evaluate(IExpressionContext context) => context.Reference(Name);

    public override IEnumerable<string> References() => [Name];
}

/// <summary>
/// jr:choice-name's second argument: a question's name written as the text '${name}' (as pyxform writes it),
/// kept as a reference so that the loader checks the question exists.
/// </summary>
internal sealed record QuestionName(string Name) : Expression
{
    public override XPathValue Evaluate(IExpressionContext context) => XPathValue.Of(Name);

    public override IEnumerable<string> References() => [Name];
}

internal sealed record CurrentValue : Expression
{
    public override XPathValue Evaluate(IExpressionContext context) => context.Current;
}

internal sealed record Negation(Expression Operand) : Expression
{
    private protected override IEnumerable<Expression> Children => [Operand];

    public override XPathValue Evaluate(IExpressionContext context) => XPathValue.Of(-Operand.Evaluate(context).AsNumber());
}

internal sealed record Call(string Name, IReadOnlyList<Expression> Arguments, XPathFunction Function) : Expression
{
    private protected override IEnumerable<Expression> Children => Arguments;

    public override XPathValue Evaluate(IExpressionContext context) => Function.Invoke(Arguments, context);

    public override IEnumerable<string> RepeatReferences()
    {
        // count(${roster}) and indexed-repeat(${q}, ${roster}, n[, ${inner}, m]) name repeats where XPath takes a node-set.
        var positions = Name switch
        {
            "count" => new[] { 0 },
            "indexed-repeat" => Enumerable.Range(0, Arguments.Count).Where(i => i % 2 == 1),
            _ => Enumerable.Empty<int>(),
        };
        return positions.Select(i => Arguments[i]).OfType<Reference>().Select(r => r.Name).Concat(base.RepeatReferences());
    }
}

internal enum Operator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

internal sealed record Binary(Operator Op, Expression Left, Expression Right) : Expression
{
    private protected override IEnumerable<Expression> Children => [Left, Right];

    public override XPathValue Evaluate(IExpressionContext context)
    {
        // "and" and "or" look at the right side only when they must, as XPath does.
        if (Op == Operator.Or)
        {
            return XPathValue.Of(Left.Evaluate(context).AsBoolean() || Right.Evaluate(context).AsBoolean());
        }

        if (Op == Operator.And)
        {
            return XPathValue.Of(Left.Evaluate(context).AsBoolean() && Right.Evaluate(context).AsBoolean());
        }

        var (left, right) = (Left.Evaluate(context), Right.Evaluate(context));
        return Op switch
        {
            Operator.Equal or Operator.NotEqual or Operator.Less or Operator.LessOrEqual or Operator.Greater or Operator.GreaterOrEqual
                => XPathValue.Of(Compare(Op, left, right)),
            Operator.Add => XPathValue.Of(left.AsNumber() + right.AsNumber()),
            Operator.Subtract => XPathValue.Of(left.AsNumber() - right.AsNumber()),
            Operator.Multiply => XPathValue.Of(left.AsNumber() * right.AsNumber()),
            Operator.Divide => XPathValue.Of(left.AsNumber() / right.AsNumber()),
            Operator.Modulo => XPathValue.Of(left.AsNumber() % right.AsNumber()),
            _ => throw new InvalidOperationException($"operator {Op}"),
        };
    }

    /// <summary>
    /// XPath 1.0's comparison rule. A repeated answer (a node-set) compares true when ANY of its instances does,
    /// against a value or against each instance of another repeated answer, so an empty one compares false
    /// whatever the operator; against a boolean it counts as one boolean. Otherwise = and != compare booleans
    /// as booleans, then numbers as numbers, else strings; &lt; &lt;= &gt; &gt;= always compare numbers (dates,
    /// date-times and times of day as numbers, see <see cref="XPathValue.ParseNumber"/>).
    /// </summary>
    private static bool Compare(Operator op, XPathValue left, XPathValue right)
    {
        if ((left.IsList && !right.IsBoolean) || (right.IsList && !left.IsBoolean))
        {
            var lefts = left.IsList ? left.Items.Select(XPathValue.Of) : [left];
            var rights = right.IsList ? right.Items.Select(XPathValue.Of).ToList() : [right];
            return lefts.Any(l => rights.Any(r => Compare(op, l, r)));
        }

        return op switch
        {
            Operator.Equal => AreEqual(left, right),
            Operator.NotEqual => !AreEqual(left, right),
            Operator.Less => left.AsNumber() < right.AsNumber(),
            Operator.LessOrEqual => left.AsNumber() <= right.AsNumber(),
            Operator.Greater => left.AsNumber() > right.AsNumber(),
            _ => left.AsNumber() >= right.AsNumber(),
        };
    }

    private static bool AreEqual(XPathValue left, XPathValue right)
    {
        if (left.IsBoolean || right.IsBoolean)
        {
            return left.AsBoolean() == right.AsBoolean();
        }

        if (left.IsNumber || right.IsNumber)
        {
            return left.AsNumber() == right.AsNumber();
        }

        return string.Equals(left.AsString(), right.AsString(), StringComparison.Ordinal);
    }
}
